/**
 * Prayer, action and news alerts to supporters: subscribers with double opt-in, signed
 * preference and one-click unsubscribe links (RFC 8058), signers who asked for updates,
 * sending with a pool of reused SMTP connections that resumes exactly where it stopped, a
 * public archive and Atom feed per language.
 * <p>
 * Other modules use only {@link org.safepassage.alerts.AlertDirectory} (which alerts
 * exist, to link to). Internal: {@code domain} (the alert aggregate, its repository, SQL
 * and settings), {@code subscribers} (subscriptions and signed links), {@code delivery}
 * (sending), {@code web} (pages, forms and the feed) and {@code demo} are internal.
 */
@ApplicationModule(displayName = "Alerts", allowedDependencies = { "petitions", "evidence", "system", "system::mail",
		"shared", "system::sharing", "system::translations" })
package org.safepassage.alerts;

import org.springframework.modulith.ApplicationModule;
