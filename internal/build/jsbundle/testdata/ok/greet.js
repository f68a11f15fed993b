// greet builds a greeting; this comment must not survive minification.
export function greet(name) {
  const longVariableName = 'hello, ' + name;
  return longVariableName;
}
export function unused() {
  return 'tree-shaken';
}
