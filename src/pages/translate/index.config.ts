export default definePageConfig({
  navigationBarTitleText: '翻译',
  // A translation result shares with its sentence: the card opens this page, which translates it.
  enableShareAppMessage: true,
  enableShareTimeline: true
})
