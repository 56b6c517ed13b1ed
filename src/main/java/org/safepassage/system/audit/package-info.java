/**
 * The staff audit log. {@link org.safepassage.system.audit.AuditLog} is open to the
 * modules for what no staff request records by itself: a supporter removing their own
 * signature.
 */
@NamedInterface("audit")
package org.safepassage.system.audit;

import org.springframework.modulith.NamedInterface;
