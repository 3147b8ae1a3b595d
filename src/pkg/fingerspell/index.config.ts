export default definePageConfig({
  navigationBarTitleText: '指语'
})
