export default defineBackground(() => {
  // Filled in by the background module (message handlers, first-run install of the built-in model).
});
