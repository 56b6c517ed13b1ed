/**
 * The staff audit log. Modules record a staff action whose details the request route does
 * not carry (the criteria and count of a bulk change) through
 * {@link org.safepassage.system.audit.AuditLog#record}.
 */
@NamedInterface("audit")
package org.safepassage.system.audit;

import org.springframework.modulith.NamedInterface;
