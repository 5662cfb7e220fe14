// Every op-code on the wire, per ../shared/protocol/lst-interface.md (reference: ton-blockchain/liquid-staking-contract).
// Pure data: safe to import from the app (src/ton) and the devnet alike.

export const Op = {
  // user → pool
  deposit: 0x47d54391,
  touch: 0x4bc7c2df,
  donate: 0x73affe21,
  // pool → user
  withdrawal: 0x0a77535c,

  // minter → pool (DAO jetton "jettons_burned", named pool::withdraw in the reference)
  withdraw: 0x319b0cdc,
  // pool → minter / payout collection
  mint: 0x1674b0a0,

  // controller → pool
  requestLoan: 0xe642c965,
  loanRepayment: 0xdfdca27b,
  // validator → pool
  deployController: 0xb27edcad,

  // governance → pool (and controller where marked)
  setRoles: 0x5e517f36,
  setDepositSettings: 0x9bf5561c,
  setGovernanceFee: 0x2aaa96a0,
  setInterest: 0xc9f04485,
  prepareGovernanceMigration: 0x9971881c,
  setSudoer: 0x79e7c016, // pool + controller
  sendMessage: 0x270695fb, // sudoer: pool + controller
  upgrade: 0x96e7f528, // sudoer: pool + controller
  halt: 0x139a1b4e, // pool + controller
  unhalt: 0x7247e7a5, // pool + controller
  // v2 pool (spec §11.3)
  partialHalt: 0x77778888, // halter: stop optimistic mode and/or close deposits
  setOperationalParams: 0x4485c9f0, // interest manager: loan bounds, disbalance tolerance, credit start
  getConversionRateUnsafe: 0x4b7b42e6, // anyone → pool
  takeConversionRateUnsafe: 0x42e64b7b, // pool → asker

  // pool → interest manager (v2: the fee goes to the treasury)
  operationFee: 0x54d37487,
  requestNotification: 0xb1ebae06,
  stats: 0xc1344900,

  // controller
  topUp: 0xd372158c,
  credit: 0x1690c604,
  approve: 0x7b4b42e6,
  disapprove: 0xe8a0abfe,
  sendRequestLoan: 0x6335b11a,
  newStake: 0x4e73744b, // validator → controller and controller → elector
  updateValidatorHash: 0xf0fd2250,
  recoverStake: 0xeb373a05,
  returnUnusedLoan: 0xed7378a6,
  withdrawValidator: 0x8efed779,
  validatorWithdrawal: 0x30026327,
  returnAvailableFunds: 0x55c26cd5,

  // elector
  electorNewStakeOk: 0xf374484c,
  electorNewStakeError: 0xee6f454c,
  electorRecoverStake: 0x47657424,
  electorRecoverStakeOk: 0xf96f7324,
  electorRecoverStakeError: 0xfffffffe,

  // jetton (TEP-74 / TEP-89 + DAO jetton)
  jettonTransfer: 0x0f8a7ea5,
  jettonTransferNotification: 0x7362d09c,
  jettonInternalTransfer: 0x178d4519,
  excesses: 0xd53276db,
  jettonBurn: 0x595f07bc,
  jettonBurnNotification: 0x7bdd97de,
  provideWalletAddress: 0x2c76b973,
  takeWalletAddress: 0xd1735400,
  changeContent: 0x5773d1f5,
  changeAdmin: 0x4840664f,
  minterUpgradeCode: 0x34aea60d,
  jettonWithdrawTons: 0x6d8e5e3c,
  jettonWithdrawJettons: 0x768a50b2,

  // payout collections and bills (NFT)
  payoutInit: 0xf5aa8943,
  startDistribution: 0x1140a64f,
  nftTransfer: 0x5fcc3d14,
  ownershipAssigned: 0x05138d91,
  nftExcesses: 0xd53276db,
  getStaticData: 0x2fcb26a2,
  reportStaticData: 0x8b771735,
  billBurn: 0xf127fe4e,
  billBurnNotification: 0xed58b0b2,
  initNft: 0x132f9a45,
  distributedAsset: 0xdb3b8abd,
} as const;

/** Topics of the pool's external-out logs (destination addr_extern, 256-bit value = topic). */
export const LogTopic = { loan: 1, repayment: 2, roundCompletion: 3, rotation: 4 } as const;
