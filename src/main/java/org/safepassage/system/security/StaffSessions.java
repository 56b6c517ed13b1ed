package org.safepassage.system.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Staff sessions live in PostgreSQL (Spring Session JDBC), so every instance sees them
 * and any instance can end them: a disabled account, a new password or new roles take
 * effect at once, on every device.
 */
@Component
class StaffSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session signed in as this account (its email, as stored). */
	void endAll(String email) {
		this.sessions.findByPrincipalName(email).keySet().forEach(this.sessions::deleteById);
	}

}
