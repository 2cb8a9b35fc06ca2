export * from './test-services.js';
export * from './densest-window.js';
export * from './gate.js';
