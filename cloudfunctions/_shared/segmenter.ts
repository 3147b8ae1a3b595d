/**
 * jieba (`@node-rs/jieba`) as the translator's segmenter, built once per process (~0.6 s: it
 * parses its 350k-word dictionary). Why a native addon in a cloud function: it is the segmenter
 * the project already ranks its dictionary with, and a WeChat cloud function can run it when it
 * is installed in the cloud, not bundled: esbuild cannot bundle a .node binary, so
 * scripts/build-functions.ts keeps `@node-rs/jieba` external and cloudfunctions/translate/package.json
 * declares it, and 上传并部署：云端安装依赖 installs the linux-x64 binary from npm (docs/translate.md).
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import type { Segmenter } from '../../src/core/translate/words'

let jieba: Jieba | null = null

function instance (): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

/** HMM on: it finds names outside the lexicon (张伟 → one word, tag x). */
export function jiebaSegmenter (): Segmenter {
  const j = instance()
  return {
    tag: text => j.tag(text, true).map(t => ({ word: t.word, tag: t.tag })),
    pieces: word => j.cut(word, false)
  }
}
