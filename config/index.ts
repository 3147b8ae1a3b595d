import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * src/core is platform-free and has no import-time side effects (docs/architecture.md): webpack
 * may drop any of its modules a bundle does not use, so importing a core module's index.ts ships
 * only what is used.
 */
function coreIsPure (chain: any): void {
  chain.module.rule('core-side-effect-free').test(/[\\/]src[\\/]core[\\/]/).sideEffects(false)
}

// One config for both targets; each target builds into its own folder so the weapp and h5
// builds never overwrite each other (project.config.json points at dist/weapp).
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shouyu',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist/h5' : 'dist/weapp',
    plugins: [],
    defineConstants: {},
    // Handshape thumbnails drawn by the engine at compile time (scripts/data/handshape-thumbs.ts).
    // On weapp also the tab icons: app.config names them through theme.json (@iconSearch…), so
    // the build does not see them as used and would not copy the dark ones.
    copy: {
      patterns: [
        { from: 'src/data/compiled/hs/', to: `${process.env.TARO_ENV === 'h5' ? 'dist/h5' : 'dist/weapp'}/hs/` },
        ...(process.env.TARO_ENV === 'weapp' ? [{ from: 'src/assets/tab/', to: 'dist/weapp/assets/tab/' }] : [])
      ],
      options: {}
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain (chain) {
        coreIsPure(chain)
        // No *.LICENSE.txt files next to the bundles: they count against the 2 MB package. And
        // Chinese text stays UTF-8 (3 bytes a character) instead of \uXXXX escapes (6 bytes):
        // the dictionary chunk is mostly Chinese.
        chain.optimization.minimizer('terserPlugin').tap((args: any[]) => {
          const opts = args[0] || {}
          const terserOptions = opts.terserOptions || {}
          // Taro sets terser's legacy `output`; extend that one (terser refuses both output and format).
          const key = terserOptions.format ? 'format' : 'output'
          args[0] = { ...opts, extractComments: false, terserOptions: { ...terserOptions, [key]: { ...(terserOptions[key] || {}), ascii_only: false, comments: false } } }
          return args
        })
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain (chain) {
        coreIsPure(chain)
        chain.performance.hints(false)
      }
    }
  }
  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig)
})
