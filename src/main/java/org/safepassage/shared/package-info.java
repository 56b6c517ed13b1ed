/**
 * Small value types and helpers every module may use. Kept tiny on purpose.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.safepassage.shared;

import org.springframework.modulith.ApplicationModule;
