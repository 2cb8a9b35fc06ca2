export * from './fleet-data.js';
export * from './vin.js';
export * from './flash-model.js';
export * from './manifest-check.js';
export * from './chunk-assembler.js';
export * from './virtual-vehicle.js';
export * from './simulated-fleet.js';
export * from './faults.js';
