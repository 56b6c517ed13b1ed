/**
 * Cross-cutting infrastructure: embedded database, security and staff accounts, layout,
 * errors, i18n, and the mail outbox (named interface {@code mail}).
 */
@ApplicationModule(displayName = "System", allowedDependencies = "shared")
package org.safepassage.system;

import org.springframework.modulith.ApplicationModule;
