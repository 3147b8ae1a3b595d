// Tab pages live in the main package (WeChat requires it); everything that needs the full sign
// data (detail, player pages, browse, study, quiz) lives in the `pkg` subpackage with the data.
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
      pages: ['sign/index', 'fingerspell/index', 'browse/index', 'study/index', 'quiz/index']
    }
  ],
  preloadRule: {
    'pages/search/index': { network: 'all', packages: ['pkg'] }
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#FFFFFF',
    navigationBarTitleText: '手语词典',
    navigationBarTextStyle: 'black',
    backgroundColor: '#F6F7F9'
  },
  tabBar: {
    color: '#4A5260',
    selectedColor: '#0B5CAD',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/search/index', text: '词典', iconPath: 'assets/tab/search.png', selectedIconPath: 'assets/tab/search-active.png' },
      { pagePath: 'pages/translate/index', text: '翻译', iconPath: 'assets/tab/translate.png', selectedIconPath: 'assets/tab/translate-active.png' },
      { pagePath: 'pages/learn/index', text: '学习', iconPath: 'assets/tab/learn.png', selectedIconPath: 'assets/tab/learn-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
    ]
  }
})
