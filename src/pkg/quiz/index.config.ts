export default definePageConfig({
  navigationBarTitleText: '测验'
})
