/** The prefix of every analytics query key (the feature owns its keys, one file per endpoint). */
export const analyticsKey = ['analytics'] as const;
