/** Seed data shaped like Etsy's `Shop` and `ShopListing` (components in baseline.json). */
export interface FakeListing {
  listing_id: number;
  user_id: number;
  shop_id: number;
  title: string;
  description: string;
  state: 'active' | 'inactive' | 'sold_out' | 'draft' | 'expired';
  tags: string[];
  materials: string[];
  who_made: 'i_did' | 'someone_else' | 'collective' | null;
  when_made: string | null;
  is_supply: boolean | null;
  [field: string]: unknown;
}

export const SEED_USER_ID = 12345678;
export const SEED_SHOP_ID = 987654;

const SECONDS = 1_767_000_000;

export function makeShop(shopId: number, userId: number, name: string) {
  return {
    shop_id: shopId,
    user_id: userId,
    shop_name: name,
    create_date: SECONDS,
    created_timestamp: SECONDS,
    title: 'Handmade macrame and jewellery',
    announcement: null,
    currency_code: 'USD',
    is_vacation: false,
    vacation_message: null,
    sale_message: null,
    digital_sale_message: null,
    update_date: SECONDS,
    updated_timestamp: SECONDS,
    listing_active_count: 2,
    digital_listing_count: 0,
    login_name: name.toLowerCase(),
    accepts_custom_requests: false,
    url: `https://www.etsy.com/shop/${name}`,
    image_url_760x100: null,
    num_favorers: 12,
    languages: ['en-US'],
    icon_url_fullxfull: `https://i.etsystatic.com/isla/${shopId}/icon_fullxfull.jpg`,
    is_using_structured_policies: true,
    has_onboarded_structured_policies: true,
    transaction_sold_count: 40,
    shipping_from_country_iso: 'US',
    shop_location_country_iso: 'US',
    review_count: 9,
    review_average: 4.9,
  };
}

export function makeListing(
  fields: Pick<FakeListing, 'listing_id' | 'title'> & Partial<FakeListing>,
): FakeListing {
  return {
    user_id: SEED_USER_ID,
    shop_id: SEED_SHOP_ID,
    description: 'Made by hand in small batches.',
    state: 'active',
    creation_timestamp: SECONDS,
    created_timestamp: SECONDS,
    ending_timestamp: SECONDS + 120 * 86400,
    original_creation_timestamp: SECONDS,
    last_modified_timestamp: SECONDS,
    updated_timestamp: SECONDS,
    state_timestamp: SECONDS,
    quantity: 3,
    shop_section_id: null,
    featured_rank: -1,
    url: `https://www.etsy.com/listing/${fields.listing_id}`,
    num_favorers: 4,
    non_taxable: false,
    is_taxable: true,
    is_customizable: false,
    is_personalizable: false,
    listing_type: 'physical',
    tags: [],
    materials: [],
    shipping_profile_id: 1,
    return_policy_id: null,
    processing_min: 1,
    processing_max: 3,
    who_made: 'i_did',
    when_made: 'made_to_order',
    is_supply: false,
    item_weight: null,
    item_weight_unit: null,
    item_length: null,
    item_width: null,
    item_height: null,
    item_dimensions_unit: null,
    is_private: false,
    style: [],
    file_data: '',
    has_variations: false,
    should_auto_renew: true,
    language: 'en-US',
    price: { amount: 4800, divisor: 100, currency_code: 'USD' },
    taxonomy_id: 1,
    readiness_state_id: null,
    suggested_title: null,
    rich_description: null,
    ...fields,
  };
}

/** The fixture editor's two listings, as Etsy has them saved. */
export function seedListings(): FakeListing[] {
  return [
    makeListing({
      listing_id: 1234567890,
      title: 'Macrame Wall Hanging, Boho Wall Decor, Handmade Cotton Rope Tapestry',
      description:
        'A handmade macrame wall hanging knotted from soft natural cotton rope.\n\nSize: 60 x 90 cm\nMaterial: 100% cotton rope on a driftwood branch\n\nEvery piece is made to order in my studio.',
      tags: [
        'macrame wall hanging',
        'boho wall decor',
        'cotton rope',
        'handmade tapestry',
        'nursery decor',
      ],
      materials: ['cotton rope', 'driftwood'],
    }),
    makeListing({
      listing_id: 2345678901,
      title: 'Personalized Name Necklace, Gold Pendant Gift for Her',
      description: 'Dainty name necklace in 14k gold fill.',
      tags: [
        'name necklace',
        'gift for her',
        'gold pendant',
        'personalized',
        'bridesmaid gift',
        'mom gift',
        'dainty necklace',
        'custom jewelry',
        'minimalist',
        'birthday gift',
        'layering necklace',
        'anniversary',
        'script name',
      ],
      materials: ['gold fill'],
      price: { amount: 3600, divisor: 100, currency_code: 'USD' },
    }),
    // The other editor imitations' listings (tests/fixtures/etsy-listing-editor-*.html).
    makeListing({
      listing_id: 3456789012,
      title: 'Makramee Wandbehang, Boho Wanddeko aus Baumwolle, Handgemacht',
      description:
        'Handgeknüpfter Wandbehang aus weichem Baumwollgarn.\n\nGröße: 50 x 80 cm\nMaterial: 100 % Baumwolle an einem Treibholzast\n\nJedes Stück wird in meiner Werkstatt in Berlin gefertigt.',
      tags: ['makramee', 'wandbehang boho', 'wanddeko', 'geschenk für mama', 'baumwolle deko'],
      materials: ['Baumwolle', 'Treibholz'],
      language: 'de',
      price: { amount: 5500, divisor: 100, currency_code: 'EUR' },
    }),
    makeListing({
      listing_id: 4567890123,
      title: 'Ceramic Coffee Mug, Handmade Stoneware Cup, Speckled Glaze 12 oz',
      description:
        'A wheel-thrown stoneware mug with a speckled cream glaze.\n\nHolds 12 oz (350 ml). Dishwasher and microwave safe.',
      tags: [
        'ceramic mug',
        'stoneware cup',
        'handmade mug',
        'coffee lover gift',
        'speckled mug',
        'pottery mug',
      ],
      materials: ['stoneware', 'glaze'],
    }),
    // Written in Etsy's rich-text editor: `rich_description` holds the formatted HTML.
    makeListing({
      listing_id: 5678901234,
      title: 'Sterling Silver Hoop Earrings, Small Huggie Hoops, Minimalist Jewelry',
      description:
        'Small sterling silver huggie hoops for everyday wear.\n\nDetails:\n925 sterling silver\nInner diameter 8 mm\n\nShips in a gift box.',
      rich_description:
        '<p>Small <strong>sterling silver</strong> huggie hoops for everyday wear.</p><p></p><p>Details:</p><ul><li>925 sterling silver</li><li>Inner diameter 8 mm</li></ul><p></p><p>Ships in a gift box.</p>',
      tags: [
        'silver hoops',
        'huggie earrings',
        'minimalist jewelry',
        'sterling hoops',
        'everyday earrings',
        'gift for her',
        'small hoop earrings',
      ],
      materials: ['sterling silver'],
    }),
  ];
}
