/** What the vehicle knows about itself for a manifest's preconditions; reported in every VersionReport. */
export interface VehicleState {
  batteryPct: number;
  parked: boolean;
  ignitionOn: boolean;
}

export const DEFAULT_VEHICLE_STATE: Readonly<VehicleState> = { batteryPct: 90, parked: true, ignitionOn: false };

/** The signed preconditions, as the manifest decodes them (absent: none). */
export interface PreconditionSpec {
  minBatteryPct?: number | null;
  requireParked?: boolean | null;
  requireIgnitionOff?: boolean | null;
}

/**
 * Which of the manifest's preconditions the vehicle does not meet, as an OEM preconditions routine
 * (`31 01 <RID>`: park, engine off, voltage) checks them before programming; empty when it may flash.
 */
export function unmetPreconditions(spec: PreconditionSpec | null | undefined, state: VehicleState): string[] {
  if (!spec) return [];
  const unmet: string[] = [];
  const minBattery = spec.minBatteryPct ?? 0;
  if (state.batteryPct < minBattery) unmet.push(`battery ${state.batteryPct}% below ${minBattery}%`);
  if (spec.requireParked && !state.parked) unmet.push('not parked');
  if (spec.requireIgnitionOff && state.ignitionOn) unmet.push('ignition on');
  return unmet;
}
