// The part of upng-js (build-time PNG quantizer for the handshape thumbnails) that we call.
declare module 'upng-js' {
  interface Image { width: number, height: number }
  const UPNG: {
    decode: (buf: ArrayBuffer | Uint8Array) => Image
    toRGBA8: (img: Image) => ArrayBuffer[]
    /** cnum 0 = lossless; otherwise the number of colors of the palette. */
    encode: (frames: ArrayBuffer[], w: number, h: number, cnum: number) => ArrayBuffer
  }
  export default UPNG
}
