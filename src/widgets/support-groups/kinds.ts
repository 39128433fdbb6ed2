// The fixed lists a group is filtered by, in the order the filters show them (no zod: the finder needs them).

/** Who a group is for. */
export const audiences = ['patient', 'carer', 'family', 'professional'] as const;
/** How a group meets. */
export const formats = ['in-person', 'online', 'phone', 'video'] as const;
