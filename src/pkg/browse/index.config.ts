export default definePageConfig({
  navigationBarTitleText: '浏览手语'
})
