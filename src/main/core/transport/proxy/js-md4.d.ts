// js-md4 ships no types. Only arrayBuffer() is declared: it runs the library's own MD4, while
// its bare md4() call would go to Node's crypto, which has no MD4 under OpenSSL 3 (Node 20).
declare module 'js-md4' {
  const md4: { arrayBuffer(message: Uint8Array): ArrayBuffer };
  export default md4;
}
