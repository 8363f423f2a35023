/// <reference types="vite/client" />

// crxjs turns `import path from './file?script'` into the built script's path.
declare module '*?script' {
  const path: string;
  export default path;
}
