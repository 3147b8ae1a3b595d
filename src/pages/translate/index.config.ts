export default definePageConfig({
  navigationBarTitleText: '翻译'
})
