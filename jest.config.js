// Four Jest projects: unit (src/core, Node), cloud (cloud functions + local server, Node),
// component (Taro components in jsdom via @tarojs/test-utils-react), weapp (compiled dist/weapp in
// miniprogram-simulate). Browser tests run separately (test/browser, node:test + playwright-core).
const path = require('path')
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default
const taroTransformer = require.resolve('@tarojs/test-utils-react/dist/jest/babel-transformer.js')

// TypeScript sources resolve before a same-named bundle (cloudfunctions/<name>/index.js is the
// esbuild output of index.ts; tests exercise the source, the local server and weapp tests the bundle).
const nodeExtensions = ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json', 'node']

const nodeTransform = {
  '^.+\\.(ts|tsx|js|mjs)$': ['babel-jest', {
    configFile: false,
    babelrc: false,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript']
  }]
}

const component = defineJestConfig({
  displayName: 'component',
  testEnvironment: 'jsdom',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/component/**/*.test.{js,jsx,ts,tsx}'],
  transform: { '^.+\\.(mjs|cjs|js|jsx|ts|tsx)$': taroTransformer },
  // Fix 1 of docs/toolchain.md (component tests): never transform Jest's own runtime.
  transformIgnorePatterns: ['/node_modules/(jest-[^/]+|@jest|babel-jest|pretty-format|jsdom|@babel)/'],
  moduleNameMapper: {
    '\\.(css|less|scss|sass|styl)$': '<rootDir>/test/__mocks__/styleMock.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/__mocks__/styleMock.js'
  },
  setupFiles: [path.join(__dirname, 'test/component/setup.js')],
  setupFilesAfterEnv: [path.join(__dirname, 'test/component/after-env.js')]
})
// Global-only options of the preset are not valid inside a project.
for (const k of ['preset', 'bail', 'verbose', 'collectCoverageFrom']) delete component[k]

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      moduleFileExtensions: nodeExtensions,
      transform: nodeTransform
    },
    {
      displayName: 'cloud',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/cloud/**/*.test.ts'],
      moduleFileExtensions: nodeExtensions,
      transform: nodeTransform
    },
    component,
    {
      displayName: 'weapp',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.js'],
      // miniprogram-simulate needs a window (it runs WeChat's wcc-compiled templates in jsdom).
      transform: {}
    }
  ]
}
