export * from './test-services.js';
export * from './densest-window.js';
