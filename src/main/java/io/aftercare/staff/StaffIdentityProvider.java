package io.aftercare.staff;

import io.aftercare.audit.CurrentActor;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the user and session generation in a valid session cookie (decrypted by Quarkus' form authentication) into
 * that user's identity, read afresh from the database: a deleted account's or signed-out session ends with the next
 * request. Passwords are checked at {@link SignInResource}, never here (see {@link UnusedFormPostProvider}).
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffAccounts accounts;

    StaffIdentityProvider(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identify(request.getPrincipal()));
    }

    private SecurityIdentity identify(String principal) {
        SessionPrincipal session = SessionPrincipal.decode(principal)
                .orElseThrow(() -> new AuthenticationFailedException("Not a staff session"));
        StaffUser user =
                accounts.find(session).orElseThrow(() -> new AuthenticationFailedException("The session has ended"));
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(session.encode()))
                .addRole(user.role.securityRole())
                .addAttribute(CurrentStaff.STAFF_ID, user.id)
                .addAttribute(CurrentStaff.DISPLAY_NAME, user.displayName)
                .addAttribute(CurrentActor.IDENTITY_ATTRIBUTE, CurrentActor.staff(user.id));
        if (user.role == StaffRole.MANAGER) {
            identity.addRole(StaffRole.STAFF_ROLE);
        }
        if (user.clinicId != null) {
            identity.addAttribute(CurrentStaff.CLINIC_ID, user.clinicId);
        }
        return identity.build();
    }
}
