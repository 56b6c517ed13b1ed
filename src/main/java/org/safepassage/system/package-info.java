/**
 * Cross-cutting infrastructure: embedded database, security and staff accounts, layout, errors,
 * i18n, and the mail outbox (named interface {@code mail}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.safepassage.system;
