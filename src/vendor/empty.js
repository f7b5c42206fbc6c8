// Stands in for the "phaser3spectorjs" debugging module that Phaser requires only when WEBGL_DEBUG
// is set (it never is here: vite.config.ts).
export default {};
