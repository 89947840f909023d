// The bench runs the web app's own data modules, which read Vite's `import.meta.env` (never at
// run time here: the bench hands them a Firestore instance).
/// <reference types="vite/client" />
