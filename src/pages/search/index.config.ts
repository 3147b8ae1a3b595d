export default definePageConfig({
  navigationBarTitleText: '词典'
})
