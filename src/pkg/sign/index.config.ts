export default definePageConfig({
  navigationBarTitleText: '手语详情'
})
