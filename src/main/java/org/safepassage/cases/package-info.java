/**
 * Protected case files: the people a campaign speaks for, public only by pseudonym and
 * only after a second staff member approved it, their identities sealed.
 * <p>
 * Other modules use only {@link org.safepassage.cases.CaseDirectory} (which published
 * cases speak for a petition, incident, alert or letter campaign) and
 * {@link org.safepassage.cases.CaseLink}. Internal: {@code domain} (the case aggregate,
 * {@code CaseField}, the one declaration of which field is public, and
 * {@code PublicCase}, the only shape in which a case leaves the staff pages),
 * {@code store} (the module's SQL, sealing of the protected part, reveals, attachments
 * and exports), {@code web} (staff and public pages, JSON, CSV, Atom) and {@code demo}.
 */
@ApplicationModule(displayName = "Cases", allowedDependencies = { "petitions", "evidence", "alerts", "letters",
		"system", "system::sealing", "system::audit", "system::translations", "shared" })
package org.safepassage.cases;

import org.springframework.modulith.ApplicationModule;
