/** The colour of a risk score: the hide threshold and above reads as an error, half of it as a warning. */
export function riskColor(risk: number, hideThreshold = 75): 'error' | 'warning' | 'default' {
  if (risk > hideThreshold) return 'error';
  if (risk >= hideThreshold / 2) return 'warning';
  return 'default';
}

export const formatRisk = (risk: number) => risk.toFixed(risk % 1 === 0 ? 0 : 2);
