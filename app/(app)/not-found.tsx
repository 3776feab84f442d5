// The same screen inside the signed-in shell as at the top level.
export { default } from '../not-found';
