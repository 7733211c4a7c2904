package dev.whitelabel.adapters.http.ssf;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs security event tokens with ES256 (P-256) keys, one pair per platform, with nimbus-jose-jwt: the
 * header says {@code typ: secevent+jwt} (RFC 8417 section 2.3) and names the key. Private keys are kept
 * sealed by {@link SealedKeys}; each is opened once and its signer kept, since opening costs more than
 * signing. Signing is Bouncy Castle's; verifying, by whoever receives the token, anyone's.
 */
public final class NimbusSecurityEventSigner implements SecurityEventSigner {

    static final JOSEObjectType SECEVENT = new JOSEObjectType("secevent+jwt");

    private final SealedKeys sealedKeys;
    private final SecurityEventClaims claims;
    private final Clock clock;
    private final Map<String, ECDSASigner> signers = new ConcurrentHashMap<>();

    public NimbusSecurityEventSigner(SealedKeys sealedKeys, PublicUrl publicUrl, Clock clock) {
        this.sealedKeys = sealedKeys;
        this.claims = new SecurityEventClaims(publicUrl);
        this.clock = clock;
    }

    @Override
    public NewKey newKey() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new NewKey(key.getKeyID(), key.toPublicJWK().toJSONString(), sealedKeys.seal(key.toJSONString()));
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 keys are part of every JDK", e);
        }
    }

    @Override
    public String sign(SigningKey key, EventStream stream, PendingSecurityEvent event) {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(SECEVENT)
                .keyID(key.keyId())
                .build();
        var token = new SignedJWT(header, claims.of(stream, event, clock.instant()));
        try {
            token.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the key could not sign", e);
        }
        return token.serialize();
    }

    private ECDSASigner signer(SigningKey key) {
        return signers.computeIfAbsent(key.keyId(), id -> {
            try {
                var signer = new ECDSASigner(ECKey.parse(sealedKeys.open(key.sealedPrivateKey())));
                // Java 17's own ECDSA spends about 0.5 ms of a core on each event: one pusher could not
                // keep up with the logouts of one busy platform
                signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
                return signer;
            } catch (ParseException | JOSEException e) {
                throw new IllegalStateException("a stored signing key is not an EC key", e);
            }
        });
    }
}
