/** Stylesheets are inlined by the build (minified by esbuild) as a string. */
declare module '*.css' {
  const css: string;
  export default css;
}
