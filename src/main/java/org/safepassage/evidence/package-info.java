/**
 * The evidence registry: incidents of forced return recorded source by source, their
 * reconciled figures, estimates that are not events, a timeline, CSV import and export,
 * and a JSON API. Shows linked evidence on petition pages through
 * {@link org.safepassage.petitions.PetitionEvidence}.
 * <p>
 * Other modules use only this package
 * ({@link org.safepassage.evidence.IncidentDirectory}). Inside: {@code domain} (the
 * model), {@code store} (repositories, the SQL, the read and write services),
 * {@code forms} (what researchers type, on pages and in CSV rows), {@code csv},
 * {@code timeline}, {@code web} and {@code demo}.
 * <p>
 * A source report's protected note is sealed with {@code system::sealing} and read only
 * through an audited reveal ({@code ProtectedReads}).
 */
@ApplicationModule(displayName = "Evidence",
		allowedDependencies = { "petitions", "system::sealing", "system::sharing", "shared", "system::translations" })
package org.safepassage.evidence;

import org.springframework.modulith.ApplicationModule;
