// Tab pages live in the main package (WeChat requires it); everything that needs the full sign
// data (detail, player pages, browse, study, quiz) lives in the `pkg` subpackage with the data.
//
// Dark mode: on weapp `darkmode: true` and src/theme.json (light and dark values of the
// navigation bar, the window and the tab bar; `@name` below refers to them). H5 has no theme.json:
// it gets the light values here, and app.css turns the tab bar dark with prefers-color-scheme.
const weapp = process.env.TARO_ENV === 'weapp'
const themed = (name: string, light: string): string => (weapp ? `@${name}` : light)

export default defineAppConfig({
  pages: [
    'pages/search/index',
    'pages/translate/index',
    'pages/learn/index',
    'pages/me/index'
  ],
  subPackages: [
    {
      root: 'pkg',
      pages: ['sign/index', 'fingerspell/index', 'browse/index', 'study/index', 'quiz/index', 'privacy/index']
    }
  ],
  preloadRule: {
    'pages/search/index': { network: 'all', packages: ['pkg'] }
  },
  // WeChat's privacy guide (《小程序用户隐私保护指引》): privacy APIs (the microphone) wait for the
  // user's consent, asked for through wx.onNeedPrivacyAuthorization (src/services/privacy.ts).
  __usePrivacyCheck__: true,
  darkmode: true,
  themeLocation: 'theme.json',
  // H5: no page-slide animation. Taro's H5 router hides the page beneath a new one on a timer
  // (the animation's length) and does not cancel it when the user goes back first: a back tap
  // inside that window left a blank tab page (test/browser/navigation.test.mjs).
  ...(weapp ? {} : { animation: false }),
  window: {
    backgroundTextStyle: themed('bgTextStyle', 'dark') as 'dark',
    navigationBarBackgroundColor: themed('navBgColor', '#FFFFFF'),
    navigationBarTitleText: '手语词典',
    navigationBarTextStyle: themed('navTextStyle', 'black') as 'black',
    backgroundColor: themed('bgColor', '#F6F7F9')
  },
  tabBar: {
    color: themed('tabColor', '#4A5260'),
    selectedColor: themed('tabSelectedColor', '#0B5CAD'),
    backgroundColor: themed('tabBgColor', '#FFFFFF'),
    borderStyle: themed('tabBorderStyle', 'black') as 'black',
    list: [
      { pagePath: 'pages/search/index', text: '词典', iconPath: themed('iconSearch', 'assets/tab/search.png'), selectedIconPath: themed('iconSearchActive', 'assets/tab/search-active.png') },
      { pagePath: 'pages/translate/index', text: '翻译', iconPath: themed('iconTranslate', 'assets/tab/translate.png'), selectedIconPath: themed('iconTranslateActive', 'assets/tab/translate-active.png') },
      { pagePath: 'pages/learn/index', text: '学习', iconPath: themed('iconLearn', 'assets/tab/learn.png'), selectedIconPath: themed('iconLearnActive', 'assets/tab/learn-active.png') },
      { pagePath: 'pages/me/index', text: '我的', iconPath: themed('iconMe', 'assets/tab/me.png'), selectedIconPath: themed('iconMeActive', 'assets/tab/me-active.png') }
    ]
  }
})
