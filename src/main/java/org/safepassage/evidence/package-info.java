/**
 * The evidence registry: incidents of forced return recorded source by source, their
 * reconciled figures, estimates that are not events, a timeline, CSV import and export,
 * and a JSON API. Shows linked evidence on petition pages through
 * {@link org.safepassage.petitions.PetitionEvidence}.
 */
@ApplicationModule(displayName = "Evidence", allowedDependencies = { "petitions", "shared" })
package org.safepassage.evidence;

import org.springframework.modulith.ApplicationModule;
