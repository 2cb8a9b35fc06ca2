import semver from 'semver';

// The regular expression semver.org gives for SemVer 2.0.0: no leading "v", no ranges, no padding.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isVersion(value: string): boolean {
  return value.length <= 256 && SEMVER.test(value);
}

/** Negative, zero or positive like a comparator; pre-releases sort below their release, as semver says. */
export function compareVersions(a: string, b: string): number {
  return semver.compare(a, b);
}
