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
  ];
}
