package dev.switchboard.samples.fault;

import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and changes the injected faults at runtime. {@code PUT} replaces all settings (a field left out is off),
 * {@code DELETE} turns every fault off.
 */
@RestController
@RequestMapping("/admin/faults")
@ConditionalOnBooleanProperty(name = "switchboard.sample.faults.admin-enabled", matchIfMissing = true)
class FaultAdminController {

    private final FaultInjector injector;

    FaultAdminController(FaultInjector injector) {
        this.injector = injector;
    }

    @GetMapping
    FaultSettings current() {
        return injector.current();
    }

    @PutMapping
    FaultSettings replace(@Valid @RequestBody FaultSettingsUpdate update) {
        injector.update(update.toSettings());
        return injector.current();
    }

    @DeleteMapping
    FaultSettings clear() {
        injector.update(FaultSettings.none());
        return injector.current();
    }
}
