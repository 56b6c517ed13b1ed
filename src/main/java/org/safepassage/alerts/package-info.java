/**
 * Prayer, action and news alerts to supporters: subscribers with double opt-in, signed
 * preference and one-click unsubscribe links (RFC 8058), signers who asked for updates,
 * sending with a pool of reused SMTP connections that resumes exactly where it stopped, a
 * public archive and Atom feed per language.
 */
@ApplicationModule(displayName = "Alerts")
package org.safepassage.alerts;

import org.springframework.modulith.ApplicationModule;
