// Fixes 2 and 5 of docs/toolchain.md (component tests): load taro-h5 before test-utils, and
// give Taro's page hooks a React runtime.
process.env.TARO_ENV = 'h5'
require('@tarojs/taro')
const React = require('react')
const ReactDOM = require('react-dom')
require('@tarojs/plugin-framework-react/dist/runtime').createH5NativeComponentConfig(null, React, ReactDOM)
const origError = console.error
console.error = (...a) => {
  if (typeof a[0] === 'string' && a[0].includes('ReactDOMTestUtils.act')) return
  origError(...a)
}

