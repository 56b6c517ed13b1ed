/**
 * Petitions to a named target: writing and moderating them, signing without an account,
 * confirming by email, counting in batches, closing and delivering.
 */
@ApplicationModule(displayName = "Petitions", allowedDependencies = { "shared", "system", "system::mail",
		"system::sharing", "system::audit", "system::translations" })
package org.safepassage.petitions;

import org.springframework.modulith.ApplicationModule;
