// Taro's preset for the app build (weapp + h5). Node-side Jest projects use their own inline config.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]]
}
