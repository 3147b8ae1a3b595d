export default definePageConfig({
  navigationBarTitleText: '手语详情',
  // Families share signs in chats (这个手势怎么打？) and to Moments: the page's share handlers
  // (useShareAppMessage / useShareTimeline) say what the card shows and where it opens.
  enableShareAppMessage: true,
  enableShareTimeline: true
})
