-- Towns read from the national address registries (Geolonia, アドレス・ベース・レジストリ) arrive without a
-- responsible center: they route to their municipality's core center until a catchment import assigns one.
ALTER TABLE town ALTER COLUMN center_id DROP NOT NULL;
