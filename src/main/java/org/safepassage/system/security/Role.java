package org.safepassage.system.security;

/** What a staff member may do. Supporters need no account and have no role. */
enum Role {

	ADMIN, MODERATOR, CAMPAIGNER, RESEARCHER, CASEWORKER;

	String authority() {
		return "ROLE_" + name();
	}

}
