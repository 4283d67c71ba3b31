/**
 * The data of the evidence trail (003 §8; 001 Bijlage 1; issue 20) and of the person's relation
 * to the tenancy (003 ch. 5 Hoofdregel): the closed lists the profiles choose from. The checks
 * are in evidence.ts.
 */
/** Every kind of evidence a profile may ask for, with its plain Dutch label (pages, letters). */
export const EVIDENCE_KINDS = {
  vonnis: "Vonnis of beschikking van de rechter",
  proces_verbaal_ontruiming: "Proces-verbaal van ontruiming door de deurwaarder",
  dagvaarding_betekend: "Betekende dagvaarding",
  aankondiging_ontruiming: "Schriftelijke aankondiging van de ontruimingsprocedure",
  twee_sommaties: "Twee schriftelijke sommaties",
  uitnodiging_gesprek: "Uitnodiging voor een gesprek",
  verklaringen: "Verklaringen van politie, buren of anderen",
  proces_verbaal: "Proces-verbaal of rapportage van de politie",
  rapportage_gemeente: "Rapportage of besluit van de gemeente (zoals een sluiting)",
  bekentenis: "Erkenning door de huurder",
  schaderapport: "Rapport van de eindinspectie (mutatieprocedure) met de schade",
  fotos_schade: "Foto's van de schade",
  besluit_uitsluiting: "Besluit tot uitsluiting of wijziging van de inschrijving",
  fraudeonderzoek: "Rapport van het fraudeonderzoek",
  huuropzegging: "Opzegging of beëindiging van de huur",
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;
export const EVIDENCE_KIND_CODES = Object.keys(EVIDENCE_KINDS) as EvidenceKind[];

/** What may ground one criterion: the kinds allowed, and those that must each be present. */
export interface EvidenceRule {
  kinds: readonly EvidenceKind[];
  /** Kinds the article requires cumulatively ("én"); absent: any one allowed kind will do. */
  required?: readonly EvidenceKind[];
  source: string;
  note?: string;
}

/** The person's relation to the tenancy the registration is about (003 ch. 5 Hoofdregel). */
export const TENANCY_RELATIONS = ["huurder", "medehuurder", "woningzoekende"] as const;
export type TenancyRelation = (typeof TENANCY_RELATIONS)[number];
export const TENANCY_RELATION_LABELS: Record<TenancyRelation, string> = {
  huurder: "Huurder",
  medehuurder: "Medehuurder",
  woningzoekende: "Woningzoekende",
};

/** The relations of a criterion about a tenancy: a (mede)huurder, never a mere house seeker. */
export function tenants(source: string): { value: readonly TenancyRelation[]; source: string } {
  return { value: ["huurder", "medehuurder"], source };
}
