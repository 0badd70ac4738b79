// The organization boxes that suggest as they are typed in (/to-chuc/goi-y?pham-vi=…&q=…), by
// the scope they pick in. No server imports: the box's component names its scope with these.
export const ORG_SCOPES = ["tiep-nhan", "can-bo", "phan-quyen"] as const;
export type OrgScope = (typeof ORG_SCOPES)[number];

export const isOrgScope = (value: string | null): value is OrgScope => (ORG_SCOPES as readonly (string | null)[]).includes(value);
